// Atomic write-back for `--fix`: a temporary file in the same folder, fsync, rename over the original.
// A reader (or a crash) sees either the old bytes or the new ones, never a half-written report.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed half-way through a write (power cut, kill -9) leaves its temporary file beside the
 * untouched report. The next run that fixes the report removes such leftovers: only files with this
 * module's exact temp name for that report, made by a process that no longer runs.
 */
const listings = new Map<string, string[]>();
function removeLeftovers(dir: string, name: string): void {
  // Leftovers are older than this process: one listing per folder serves every report in it.
  let entries = listings.get(dir);
  if (!entries) {
    try {
      entries = readdirSync(dir).filter((e) => TEMP.test(e));
    } catch {
      entries = [];
    }
    listings.set(dir, entries);
  }
  for (const e of entries) {
    const m = TEMP.exec(e);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || running(pid)) continue;
    try {
      unlinkSync(join(dir, e));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

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
    removeLeftovers(dir, basename(target));
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
