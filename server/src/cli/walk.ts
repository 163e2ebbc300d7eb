// Turns the command line's files and folders into the list of files to check, in a stable order.
import { describeFsError } from '../node/fs-errors';
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export interface Target {
  /** The path as shown to the user: the argument itself, or the folder argument joined with the entry. */
  path: string;
  /** Set when the file or folder cannot be read; the file is reported with this message. */
  error?: string;
}

export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm']);

export function isReportName(name: string): boolean {
  return REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Code-point order (UTF-16 `<` would put astral characters before U+E000–U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Files in argument order; a folder contributes its report files depth-first with each folder's
 * entries sorted by code point. A file reached twice (by two arguments or through a symlink) is
 * listed once; symlinked folders are followed, but a folder already seen (by real path) is not
 * entered again, which ends symlink loops.
 */
export function collectTargets(inputs: readonly string[]): Target[] {
  const targets: Target[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const realOrResolved = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const addFile = (p: string) => {
    const key = realOrResolved(p);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    targets.push({ path: p });
  };
  const addError = (p: string, error: string) => {
    const key = `error:${resolve(p)}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    targets.push({ path: p, error });
  };

  const walk = (dir: string) => {
    const real = realOrResolved(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      addError(dir, `cannot read folder: ${describeFsError(err)}`);
      return;
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) walk(full);
      } else if (entry.isFile()) {
        if (isReportName(entry.name)) addFile(full);
      } else if (entry.isSymbolicLink()) {
        let isDir = false;
        let isFile = false;
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          // A dangling link that looks like a report is reported, so it is not silently missed.
          if (isReportName(entry.name)) addError(full, `cannot read file: ${describeFsError(err)}`);
          continue;
        }
        if (isDir) {
          if (!skipFolder(entry.name)) walk(full);
        } else if (isFile && isReportName(entry.name)) {
          addFile(full);
        }
      }
      // Sockets, FIFOs and devices inside folders are never reports.
    }
  };

  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch (err) {
      let message = describeFsError(err);
      try {
        if (lstatSync(input).isSymbolicLink() && (err as NodeJS.ErrnoException).code === 'ENOENT') message = 'broken symbolic link';
      } catch {
        // lstat fails too: the path does not exist at all.
      }
      addError(input, `cannot read file: ${message}`);
      continue;
    }
    if (isDir) walk(input);
    else addFile(input);
  }
  return targets;
}
