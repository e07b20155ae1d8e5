import * as React from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Gallery,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom-v5-compat';
import type { AccessReviewResourceAttributes } from '@openshift-console/dynamic-plugin-sdk';
import { checkAccess } from '@openshift-console/dynamic-plugin-sdk/lib/app/components/utils/rbac';
import { ofType, translateLabel, useShellResolvedExtensions } from '../extensions';

interface AccessReview {
  group?: string;
  resource?: string;
  verb?: string;
  subresource?: string;
}

interface AddAction {
  id: string;
  label: string;
  description: string;
  groupId?: string;
  href?: string;
  icon?: React.ReactNode;
  accessReview?: AccessReview[];
}

/** The developer perspective's Add page, from `dev-console.add/action(-group)` extensions. */
const AddPage: React.FC = () => {
  const { ns = '' } = useParams<{ ns: string }>();
  const { t } = useTranslation();
  const [extensions, resolved] = useShellResolvedExtensions(
    ofType('dev-console.add/action'),
    ofType('dev-console.add/action-group'),
  );
  const [allowed, setAllowed] = React.useState<Record<string, boolean>>();

  const actions = extensions
    .filter((e) => e.type === 'dev-console.add/action')
    .map((e) => e.properties as unknown as AddAction);
  const groups = extensions
    .filter((e) => e.type === 'dev-console.add/action-group')
    .map((e) => e.properties as unknown as { id: string; name: string });

  React.useEffect(() => {
    if (!resolved) return;
    let active = true;
    void Promise.all(
      actions.map(async (action) => {
        const reviews = await Promise.all(
          (action.accessReview ?? []).map((review) =>
            checkAccess({ ...review, namespace: ns } as AccessReviewResourceAttributes).then(
              (result) => result.status?.allowed ?? false,
            ),
          ),
        );
        return [action.id, reviews.every(Boolean)] as const;
      }),
    ).then((entries) => active && setAllowed(Object.fromEntries(entries)));
    return () => {
      active = false;
    };
    // The actions are derived from the resolved extensions; re-run when those or the project change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resolved, ns, extensions.length]);

  if (!resolved || !allowed) return <Spinner aria-label="Loading" />;
  return (
    <PageSection data-test="add-page">
      <Title headingLevel="h1">Add</Title>
      {groups.map((group) => (
        <section key={group.id} data-test={`add-group-${group.id}`}>
          <Title headingLevel="h2">{translateLabel(group.name, t)}</Title>
          <Gallery hasGutter>
            {actions
              .filter((action) => action.groupId === group.id && allowed[action.id])
              .map((action) => (
                <Card key={action.id} isCompact data-test={`add-action-${action.id}`}>
                  <CardHeader>
                    <CardTitle>
                      {action.icon}{' '}
                      <Link to={(action.href ?? '').replace(':namespace', ns)}>
                        {translateLabel(action.label, t)}
                      </Link>
                    </CardTitle>
                  </CardHeader>
                  <CardBody>{translateLabel(action.description, t)}</CardBody>
                </Card>
              ))}
          </Gallery>
        </section>
      ))}
    </PageSection>
  );
};

export default AddPage;
