import type { CustomerDraft } from './customer-details.ts';

/** The end customer's details: needed by B2C partners (a phone or an e-mail), optional otherwise. */
export function CustomerFields({
  value,
  onChange,
  legend = 'Customer details',
}: {
  value: CustomerDraft;
  onChange(next: CustomerDraft): void;
  legend?: string;
}) {
  const field = (name: keyof CustomerDraft) => ({
    value: value[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...value, [name]: event.target.value }),
  });
  return (
    <fieldset className="order-form__customer">
      <legend>{legend}</legend>
      <label>
        Name
        <input autoComplete="off" {...field('name')} />
      </label>
      <label>
        Phone
        <input type="tel" autoComplete="off" inputMode="tel" {...field('phoneNumber')} />
      </label>
      <label>
        E-mail
        <input type="email" autoComplete="off" {...field('email')} />
      </label>
    </fieldset>
  );
}
