// Files copied into function bundles after esbuild: the DejaVu fonts PDFs embed and the Swagger UI assets of /docs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The DejaVu TTFs PDFs embed (lib/pdf/fonts.ts looks in fonts/ beside the handler). */
const fontsDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const PDF_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf', 'DejaVuSansMono.ttf'];
export const FONT_FILES: Record<string, string> = Object.fromEntries(PDF_FONTS.map((name) => [`fonts/${name}`, join(fontsDir, name)]));

/** Swagger UI comes from the npm package, copied into the docs bundle where get-docs.ts looks for it. */
const swaggerUiDir = dirname(require.resolve('swagger-ui-dist/package.json'));
export const SWAGGER_UI_FILES: Record<string, string> = Object.fromEntries(
  ['swagger-ui-bundle.js', 'swagger-ui.css'].map((name) => [`docs-assets/${name}`, join(swaggerUiDir, name)]),
);
