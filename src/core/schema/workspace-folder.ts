import * as z from 'zod';

// A folder the settings name (vendors, findings, drafts): a path inside the workspace, relative to
// it. Settings may come with a workspace from anyone; none of its folders may lead aiclaim to
// read or write elsewhere.

const MAX_FOLDER_LENGTH = 200;

/** Why `path` does not stay inside the workspace, or undefined when it does (lexically). */
function folderOutsideWorkspace(path: string): string | undefined {
  if (path.trim() === '') return 'is empty';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'holds a control character';
  if (/^([/\\]|[A-Za-z]:)/.test(path)) return 'is an absolute path';
  let depth = 0;
  for (const part of path.split(/[/\\]+/)) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return 'leads out of the workspace';
  }
  return undefined;
}

export const workspaceFolder = z
  .string()
  .max(MAX_FOLDER_LENGTH)
  .superRefine((path, ctx) => {
    const why = folderOutsideWorkspace(path);
    if (why)
      ctx.addIssue({
        code: 'custom',
        message: `"${path.slice(0, 60)}" ${why}: a folder must be a path inside the workspace, relative to aiclaim.yaml (e.g. findings)`,
      });
  });
