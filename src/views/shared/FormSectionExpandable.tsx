import * as React from 'react';
import { ExpandableSection, FormSection, Stack } from '@patternfly/react-core';

interface FormSectionExpandableProps {
  title: string;
  'data-test': string;
  /** Open under a heading, as in Edit settings, whose few fields need no toggle. */
  isPlain?: boolean;
  children: React.ReactNode;
}

/**
 * A closed-by-default section of the create form. The form's own spacing stops at its direct
 * children, so the fields inside are stacked with PatternFly's gutter, indented under the toggle.
 */
const FormSectionExpandable: React.FC<FormSectionExpandableProps> = ({
  title,
  'data-test': dataTest,
  isPlain,
  children,
}) =>
  isPlain ? (
    <FormSection title={title} titleElement="h3" data-test={dataTest}>
      {children}
    </FormSection>
  ) : (
    <ExpandableSection toggleText={title} isIndented data-test={dataTest}>
      <Stack hasGutter>{children}</Stack>
    </ExpandableSection>
  );

export default FormSectionExpandable;
