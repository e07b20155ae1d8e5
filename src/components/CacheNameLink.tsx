import * as React from 'react';
import { Link } from 'react-router-dom-v5-compat';
import { detailsPagePath } from '../model/shared';

/** A cache's name as a link to its details page. */
const CacheNameLink: React.FC<{ namespace: string; name: string }> = ({ namespace, name }) => (
  <Link to={detailsPagePath(namespace, name)}>{name}</Link>
);

export default CacheNameLink;
