import path from 'node:path';

/** Where `buildPreview()` writes the page and `previewPlugin` serves it from. */
export const PREVIEW_DIST = path.join(__dirname, 'dist');
