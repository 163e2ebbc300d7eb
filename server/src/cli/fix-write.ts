// Atomic write-back for `--fix`: a temporary file in the same folder, fsync, rename over the original.
// A reader (or a crash) sees either the old bytes or the new ones, never a half-written report.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, data: Uint8Array): void {
  // Write through symlinks: replace the file they point at, not the link itself.
  const target = realpathSync(path);
  const dir = dirname(target);
  // Renaming over a read-only file would succeed (only the folder must be writable); respect the mode.
  accessSync(target, constants.W_OK);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  const origFd = openSync(target, 'r');
  let mode: number;
  let uid: number;
  let gid: number;
  try {
    const st = fstatSync(origFd);
    mode = st.mode & 0o7777;
    uid = st.uid;
    gid = st.gid;
  } finally {
    closeSync(origFd);
  }

  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      // open()'s mode is filtered by the umask; set the original mode (and owner, where allowed) explicitly.
      fchmodSync(fd, mode);
      try {
        fchownSync(fd, uid, gid);
      } catch {
        // Only root may give a file away; otherwise the new file is ours, as any editor would leave it.
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never created.
    }
    throw err;
  }
  // Make the rename itself durable. Not every platform can fsync a folder; the data is safe either way.
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // ignore
  }
}
