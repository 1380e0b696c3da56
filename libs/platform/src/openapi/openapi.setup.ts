import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_VERSION = '3.1.0';
export const API_KEY_SECURITY_SCHEME = 'ApiKey';

export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
}

/**
 * The app's OpenAPI document. @nestjs/swagger 12 emits 3.1 natively when asked with
 * setOpenAPIVersion('3.1.0') (it converts `nullable` to type unions itself), so no
 * post-processing of a 3.0 document is needed.
 */
export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1.0.0')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'Plantsync API key (also accepted as `Authorization: ApiKey <key>`).',
      },
      API_KEY_SECURITY_SCHEME,
    )
    .addSecurityRequirements(API_KEY_SECURITY_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at /docs and the document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, info), {
    jsonDocumentUrl: 'docs/openapi.json',
    raw: ['json'],
    customSiteTitle: info.title,
  });
}
