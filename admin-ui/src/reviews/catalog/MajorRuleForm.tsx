import {
    BooleanInput,
    FormDataConsumer,
    NumberInput,
    SelectArrayInput,
    SelectInput,
    SimpleForm,
    TextInput,
    minValue,
    required,
    type SimpleFormProps,
} from 'react-admin';
import ruleCreateSchema from '../../../../schemas/major-rule-create.json';
import { PENALTY_TYPES } from '../../cases/caseVocabulary';
import { schemaValidators, type ObjectSchema } from '../../validation/schemaValidation';
import { AMOUNT_RULE_KINDS, majorRuleKindChoices, rulePartyKindChoices } from '../reviewVocabulary';

const schema = ruleCreateSchema as unknown as ObjectSchema;
const penaltyTypeChoices = PENALTY_TYPES.map(id => ({ id, name: `app.penalty_types.${id}` }));
const validate = {
    name: schemaValidators(schema, 'name', { required: true }),
    kind: [required()],
    threshold: [required(), minValue(0.01)],
    penaltyTypes: [required()],
    legalBasis: schemaValidators(schema, 'legalBasis'),
};

/**
 * One rule of the catalog of major decisions (目录清单): what it looks at (an amount by party kind, penalty
 * types, hearing, discretion, complexity, the head's referral), the threshold in yuan for an amount, the
 * legal basis, and whether it applies now. A change applies to determinations made afterwards.
 */
export const MajorRuleForm = (props: Omit<SimpleFormProps, 'children'>) => (
    <SimpleForm {...props} sx={{ maxWidth: 720 }}>
        <TextInput source="name" validate={validate.name} fullWidth helperText="app.major_rules.name_helper" />
        <SelectInput source="kind" choices={majorRuleKindChoices} validate={validate.kind} helperText="app.major_rules.kind_helper" />
        <FormDataConsumer>
            {({ formData }) =>
                AMOUNT_RULE_KINDS.includes(formData.kind) ? (
                    <>
                        <NumberInput
                            source="threshold"
                            validate={validate.threshold}
                            min={0}
                            helperText="app.major_rules.threshold_helper"
                        />
                        <SelectInput
                            source="partyKind"
                            choices={rulePartyKindChoices}
                            defaultValue="any"
                            helperText="app.major_rules.party_kind_helper"
                        />
                    </>
                ) : formData.kind === 'penalty_type' ? (
                    <SelectArrayInput
                        source="penaltyTypes"
                        choices={penaltyTypeChoices}
                        validate={validate.penaltyTypes}
                        helperText="app.major_rules.penalty_types_helper"
                        sx={{ minWidth: 320 }}
                    />
                ) : null
            }
        </FormDataConsumer>
        <TextInput source="legalBasis" validate={validate.legalBasis} fullWidth multiline helperText="app.major_rules.legal_basis_helper" />
        <BooleanInput source="active" defaultValue={true} helperText="app.major_rules.active_helper" />
    </SimpleForm>
);
