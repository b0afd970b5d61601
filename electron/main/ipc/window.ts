// IPC handler of the `window:` domain: what the page tells main so that closing the window asks the right question.
import { setBusyJob } from '../window';
import { handle } from './handle';

export function registerWindowHandlers(): void {
  handle('window:busy', async (job, event) => {
    setBusyJob(event.sender, job);
  });
}
