// Test-only preload (node --require, via NODE_OPTIONS) that makes the CLI's --fix write-back fail the
// ways disks and machines fail, to show that a report is never left half-written. It touches only
// the temporary files writeFileAtomic creates (opened with 'wx' and named *.tmp).
//   NIANBAO_FS_FAULT=rename        renameSync(tmp → report) fails with EIO
//   NIANBAO_FS_FAULT=enospc        the temp file's write stops half-way with ENOSPC
//   NIANBAO_FS_FAULT=crash[:n]     the process is killed (SIGKILL) half-way through writing the n-th
//                                  temp file (default 1): a power cut, as far as the files can tell
'use strict';
const fs = require('node:fs');

const [fault, nth] = (process.env.NIANBAO_FS_FAULT ?? '').split(':');
const temps = new Set();
let opened = 0;

const openSync = fs.openSync;
fs.openSync = function (path, flags, mode) {
  const fd = openSync.call(this, path, flags, mode);
  if (flags === 'wx' && String(path).endsWith('.tmp')) {
    opened++;
    temps.add(fd);
  }
  return fd;
};

const closeSync = fs.closeSync;
fs.closeSync = function (fd) {
  temps.delete(fd);
  return closeSync.call(this, fd);
};

function errno(code, syscall) {
  const e = new Error(`${code}: injected fault, ${syscall}`);
  e.code = code;
  e.syscall = syscall;
  return e;
}

const writeSync = fs.writeSync;
fs.writeSync = function (fd, buffer, offset, length, ...rest) {
  if (!temps.has(fd) || (fault !== 'enospc' && fault !== 'crash')) return writeSync.call(this, fd, buffer, offset, length, ...rest);
  if (fault === 'crash' && opened !== Number(nth || 1)) return writeSync.call(this, fd, buffer, offset, length, ...rest);
  const half = Math.max(1, Math.floor((length ?? buffer.length) / 2));
  writeSync.call(this, fd, buffer, offset, half);
  if (fault === 'crash') process.kill(process.pid, 'SIGKILL');
  throw errno('ENOSPC', 'write');
};

const renameSync = fs.renameSync;
fs.renameSync = function (from, to) {
  if (fault === 'rename' && String(from).endsWith('.tmp')) throw errno('EIO', 'rename');
  return renameSync.call(this, from, to);
};
