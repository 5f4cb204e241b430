import type { Security } from '../phases/security/schema';

/** The OpenAPI security scheme for the security phase's chosen authentication. */
export function securityScheme(security: Security | undefined): {
  name: string;
  scheme: Record<string, unknown>;
  scopes: string[];
} {
  const scheme = security?.authentication.scheme ?? 'bearer-jwt';
  const description = security?.authentication.description ?? 'Bearer JWT access token';
  if (scheme === 'oauth2') {
    return {
      name: 'oauth2',
      scopes: ['read', 'write'],
      scheme: {
        type: 'oauth2',
        description,
        flows: {
          authorizationCode: {
            authorizationUrl: 'https://auth.yourcompany.dev/oauth2/authorize',
            tokenUrl: 'https://auth.yourcompany.dev/oauth2/token',
            refreshUrl: 'https://auth.yourcompany.dev/oauth2/token',
            scopes: { read: 'Read access', write: 'Create, change and delete' },
          },
        },
      },
    };
  }
  if (scheme === 'api-key')
    return { name: 'apiKey', scopes: [], scheme: { type: 'apiKey', in: 'header', name: 'X-API-Key', description } };
  return {
    name: 'bearerAuth',
    scopes: [],
    scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description },
  };
}
