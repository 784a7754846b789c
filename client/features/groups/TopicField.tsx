/** A topic typed freely, with the directory's topics offered as suggestions. */
import { useId } from 'react';
import { TextField } from '../../lib/form-fields';

export function TopicField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  topics: readonly string[];
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const listId = useId();
  return (
    <>
      <TextField
        id={props.id}
        label={props.label}
        hint={props.hint}
        width={20}
        maxLength={40}
        value={props.value}
        error={props.error}
        list={listId}
        onChange={props.onChange}
      />
      <datalist id={listId}>
        {props.topics.map((topic) => (
          <option key={topic} value={topic} />
        ))}
      </datalist>
    </>
  );
}
