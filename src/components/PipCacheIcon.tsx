import * as React from 'react';
import { CubesIcon } from '@patternfly/react-icons';

/** The icon that stands for a pip cache wherever the console shows one. */
const PipCacheIcon: React.FC = () => <CubesIcon aria-hidden="true" />;

/** The icon as an element, for extensions whose `icon` code ref expects a React node. */
export const pipCacheIconElement = <PipCacheIcon />;

export default PipCacheIcon;
