// A file picker for .referat files (one or many), labelled for keyboard and screen-reader users.
import { useId } from 'react';
import { useImports } from '../hooks/ImportContext';

export function ImportButton(props: { label: string; expectedDocId?: string }) {
  const { importFiles } = useImports();
  const id = useId();
  return (
    <span className="import-button">
      <label htmlFor={id} className="button-like">{props.label}</label>
      <input
        id={id}
        type="file"
        accept=".referat,application/octet-stream"
        multiple
        className="visually-hidden-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void importFiles(files, props.expectedDocId ?? null);
        }}
      />
    </span>
  );
}
