/** Form validation: pure rules (`validate`) and the component-side state (`useForm`). */
export { validate, formRules, type FieldRules, type FormRules, type Validation, type WithMessage, type Submitted } from './validate.ts';
export { useForm, type Form } from './form.ts';
