// Messages between the page and postings.worker.ts: meetings (their searchable fields) in batches, then a request
// for the buckets built from all of them.
import type { Meeting } from '../../../shared/schemas/entities';
import type { SearchBucket } from '../db/search/postings';

export type SearchableMeeting = Pick<
  Meeting,
  | 'id'
  | 'branchId'
  | 'date'
  | 'topic'
  | 'agenda'
  | 'content'
  | 'speeches'
  | 'resolutions'
  | 'attendeeIds'
  | 'kind'
  | 'venueId'
>;

export type PostingsRequest = { type: 'add'; meetings: SearchableMeeting[] } | { type: 'finish' };

export interface PostingsReply {
  buckets: SearchBucket[];
}
