// The stored attachments behind a list of ids, live: undefined while loading, missing ids left out.
import { useLiveQuery } from 'dexie-react-hooks';
import { getAttachments, type Attachment } from '../../db/repositories/attachments';

export function useAttachments(ids: readonly string[]): Attachment[] | undefined {
  // Keyed by the ids' text, so a caller passing a fresh but equal array does not re-run the query.
  const key = ids.join('\n');
  return useLiveQuery(() => getAttachments(key ? key.split('\n') : []), [key]);
}
