import * as React from 'react';

/**
 * PatternFly's cubes icon (`CubesIcon` of @patternfly/react-icons, from Font Awesome), drawn
 * here as the same SVG element rather than imported: the Add page loads this module for its
 * card, and on consoles 4.19–4.21, which share no PatternFly, importing the icon would fetch
 * PatternFly's icon and helper chunks with it. The markup and class are PatternFly's, so the
 * console's CSS sizes and colours it like any other PatternFly icon.
 */
const CUBES_PATH =
  'M488.6 250.2L392 214V105.5c0-15-9.3-28.4-23.4-33.7l-100-37.5c-8.1-3.1-17.1-3.1-25.3 0l-100 37.5c-14.1 5.3-23.4 18.7-23.4 33.7V214l-96.6 36.2C9.3 255.5 0 268.9 0 283.9V394c0 13.6 7.7 26.1 19.9 32.2l100 50c10.1 5.1 22.1 5.1 32.2 0l103.9-52 103.9 52c10.1 5.1 22.1 5.1 32.2 0l100-50c12.2-6.1 19.9-18.6 19.9-32.2V283.9c0-15-9.3-28.4-23.4-33.7zM358 214.8l-85 31.9v-68.2l85-37v73.3zM154 104.1l102-38.2 102 38.2v.6l-102 41.4-102-41.4v-.6zm84 291.1l-85 42.5v-79.1l85-38.8v75.4zm0-112l-102 41.4-102-41.4v-.6l102-38.2 102 38.2v.6zm240 112l-85 42.5v-79.1l85-38.8v75.4zm0-112l-102 41.4-102-41.4v-.6l102-38.2 102 38.2v.6z';

/** The icon that stands for a pip cache wherever the console shows one. */
const PipCacheIcon: React.FC = () => (
  <svg
    className="pf-v6-svg"
    viewBox="0 0 512 512"
    fill="currentColor"
    aria-hidden="true"
    role="img"
    width="1em"
    height="1em"
  >
    <path d={CUBES_PATH} />
  </svg>
);

/** The icon as an element, for extensions whose `icon` code ref expects a React node. */
export const pipCacheIconElement = <PipCacheIcon />;

export default PipCacheIcon;
