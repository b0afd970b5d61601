// Once a read of a backup has ended — refused or not — nothing more reaches its handlers or its progress. A file cut
// short inside a table left that table's inflater holding output, which went on being parsed and reported after the
// refusal: 数据安全 went back to 「正在校验」 for good.
import { describe, expect, it } from 'vitest';
import { inspectBackup, readBackup } from '../../../shared/backup/reader';
import { makeDataset, opener, writeToBytes } from './factory';

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('a read that has ended', () => {
  it('hands over no rows and reports no progress afterwards, wherever the file was cut', async () => {
    const bytes = await writeToBytes(makeDataset({ meetings: 300, members: 40 }));
    let late = 0;
    let refused = 0;
    // Cuts all through the file, read in the chunks a browser's Blob stream hands over.
    for (let cut = 2_000; cut < bytes.length; cut += Math.ceil(bytes.length / 30)) {
      let ended = false;
      const after = () => {
        if (ended) late++;
      };
      const read = await readBackup(opener(bytes.subarray(0, cut), 64 * 1024), {
        onRows: after,
        onAttachment: after,
        onProgress: after,
      });
      const inspected = await inspectBackup(opener(bytes.subarray(0, cut), 64 * 1024), { onProgress: after });
      ended = true;
      await settle();
      expect(read.ok).toBe(false);
      expect(inspected.ok).toBe(false);
      refused++;
    }
    expect(refused).toBeGreaterThan(25);
    expect(late).toBe(0);
  });
});
