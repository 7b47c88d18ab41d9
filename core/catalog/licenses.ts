import { z } from 'zod';
import { LICENSE_CODES } from './licenseCatalog';

export * from './licenseCatalog';

export const licenseCodeSchema = z.enum(LICENSE_CODES);
