import { SetMetadata } from '@nestjs/common';
import type { AccessKind } from './principal';

export const ALLOW_METADATA = 'plantsync:allow';

/**
 * Which kinds of caller may call a controller or handler. Admin is always allowed; a route
 * without @Allow is admin-only (secure default). 'public' needs no key (health, docs).
 * 'mes' admits any mes:<plant> key and 'supplier' any supplier:<id> key — narrow them to the
 * plant with @PlantParam and to the object in the handler.
 */
export const Allow = (...access: AccessKind[]) => SetMetadata(ALLOW_METADATA, access);
