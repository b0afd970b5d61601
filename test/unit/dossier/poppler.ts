// Whether poppler-utils (pdfinfo, pdftotext, pdffonts) are installed: the PDF read-back tests need them.
import { execFileSync } from 'node:child_process';

export const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
