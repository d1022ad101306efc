// Dropping .referat files anywhere on the app imports them (into the open referat when one is shown); the page's
// import button for that referat reports what they did, or the top of the page when it shows none (ImportContext).
import { useEffect } from 'react';
import { useImports } from '../hooks/ImportContext';

export function DropImport(props: { expectedDocId: string | null }) {
  const { importFiles } = useImports();
  const { expectedDocId } = props;
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      void importFiles(files, expectedDocId);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles, expectedDocId]);
  return null;
}
