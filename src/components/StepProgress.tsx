import * as React from 'react';
import { Icon, List, ListComponent, ListItem, Spinner } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, PendingIcon } from '@patternfly/react-icons';
import { usePipCacheTranslation } from '../hooks/usePipCacheTranslation';

/** Where one step of a job is; stable words for tests and styles, never shown. */
export type StepState = 'done' | 'running' | 'failed' | 'pending';

export interface StepProgressProps<S extends string> {
  /** The steps the job runs, in order. */
  steps: readonly S[];
  /** Every step the job knows, in order, when `steps` leaves some out (defaults to `steps`). */
  order?: readonly S[];
  /** Each step's label, translated. */
  labels: Record<S, string>;
  /** The step running now or, after a failure, the step that failed. */
  current?: S;
  failed: boolean;
  finished: boolean;
  /** The list's data-test; each step's is `<stepTestPrefix>-<step>`. */
  'data-test': string;
  stepTestPrefix: string;
  /** What to show after a step's label while it matters (the new pod's name, say). */
  notes?: Partial<Record<S, React.ReactNode>>;
}

/** Where a step stands, from the step running (or failed) and whether the job finished. */
export const stepState = <S extends string>(
  order: readonly S[],
  step: S,
  { current, failed, finished }: { current?: S; failed: boolean; finished: boolean },
): StepState => {
  if (finished) return 'done';
  const at = current === undefined ? -1 : order.indexOf(current);
  const index = order.indexOf(step);
  if (index < at) return 'done';
  if (index === at) return failed ? 'failed' : 'running';
  return 'pending';
};

const icons: Record<StepState, React.ReactNode> = {
  done: (
    <Icon status="success" isInline>
      <CheckCircleIcon />
    </Icon>
  ),
  running: <Spinner size="sm" isInline aria-hidden />,
  failed: (
    <Icon status="danger" isInline>
      <ExclamationCircleIcon />
    </Icon>
  ),
  pending: (
    <Icon isInline>
      <PendingIcon />
    </Icon>
  ),
};

/**
 * The steps of a job (emptying, restarting, migrating) in order, each with an icon for done,
 * running, stopped or to do, and the same state in words for screen readers; changes are
 * announced politely.
 */
const StepProgress = <S extends string>({
  steps,
  order = steps,
  labels,
  current,
  failed,
  finished,
  'data-test': dataTest,
  stepTestPrefix,
  notes,
}: StepProgressProps<S>): React.ReactElement => {
  const { t } = usePipCacheTranslation();
  const words: Record<StepState, string> = {
    done: t('done'),
    running: t('running'),
    failed: t('stopped here'),
    pending: t('to do'),
  };
  return (
    <List component={ListComponent.ol} isPlain aria-live="polite" data-test={dataTest}>
      {steps.map((step) => {
        const state = stepState(order, step, { current, failed, finished });
        const note = notes?.[step];
        return (
          <ListItem key={step} data-test={`${stepTestPrefix}-${step}`} data-state={state}>
            <span aria-hidden>{icons[state]}</span> {labels[step]}{' '}
            <span className="pf-v6-screen-reader">{`(${words[state]})`}</span>
            {note && <> {note}</>}
          </ListItem>
        );
      })}
    </List>
  );
};

export default StepProgress;
