import { SelectField } from '../../lib/fields.tsx';

/** A picker over the active locations; moves, transfers and counts all choose one. */
export function LocationSelect({
  label,
  value,
  onChange,
  locations,
  testId,
}: {
  label: string;
  value: string;
  onChange(id: string): void;
  locations: readonly { id: string; name: string }[];
  testId: string;
}) {
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={locations.map((l) => ({ value: l.id, label: l.name }))}
      testId={testId}
    />
  );
}
