// An async boundary, so that webpack can initialise the share scope before any shared module
// (React, the SDK) is evaluated.
void import('./bootstrap');
