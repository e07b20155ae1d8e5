import * as React from 'react';

/** One fact of a line: its `data-test`, what it shows, and whether it is shown at all. */
export interface Fact {
  'data-test': string;
  content: React.ReactNode;
  /** False leaves the fact and its separator out. */
  shown?: boolean;
}

/**
 * Short facts on one line, separated by a middle dot, each in its own element so that tests
 * and screen readers find it: what devpi reports about itself and about its index.
 */
const FactLine: React.FC<{ facts: Fact[]; 'data-test': string }> = ({
  facts,
  'data-test': dataTest,
}) => (
  <span data-test={dataTest}>
    {facts
      .filter((fact) => fact.shown !== false)
      .map((fact, index) => (
        <React.Fragment key={fact['data-test']}>
          {index > 0 && ' · '}
          <span data-test={fact['data-test']}>{fact.content}</span>
        </React.Fragment>
      ))}
  </span>
);

export default FactLine;
