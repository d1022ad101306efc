// A file picker for .referat files (one or many), labelled for keyboard and screen-reader users, with what its
// imports did reported right after it (ImportResults), where the user is looking.
import { useEffect, useId, useRef } from 'react';
import { useImports } from '../hooks/ImportContext';
import { ImportResults } from './ImportResults';
import '../styles/plainWords.css';

export function ImportButton(props: { label: string; expectedDocId?: string }) {
  const { importFiles, register } = useImports();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const expectedDocId = props.expectedDocId ?? null;
  useEffect(() => register(id, expectedDocId), [register, id, expectedDocId]);
  return (
    <>
      <span className="import-button">
        <label htmlFor={id} className="button-like">{props.label}</label>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".referat,application/octet-stream"
          multiple
          className="visually-hidden-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) void importFiles(files, expectedDocId, id);
          }}
        />
      </span>
      {/* Cleared by the user: focus goes back to the button, not to the top of the page. */}
      <ImportResults origin={id} onCleared={() => input.current?.focus()} />
    </>
  );
}
