import * as React from 'react';
import { isSafeLink } from '../model/shared';

/** An index URL as a link when it is http(s), and as plain text otherwise (never a script URL). */
const IndexUrl: React.FC<{ url: string; 'data-test'?: string }> = ({
  url,
  'data-test': dataTest,
}) =>
  isSafeLink(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer" data-test={dataTest}>
      {url}
    </a>
  ) : (
    <span data-test={dataTest}>{url}</span>
  );

export default IndexUrl;
