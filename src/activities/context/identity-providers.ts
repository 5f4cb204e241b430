import type { Recognisable } from './find-mention';

export interface IdentityProvider extends Recognisable {
  id: string;
  name: string;
}

/** The identity providers teams commonly sign people in with. */
export const IDENTITY_PROVIDERS: readonly IdentityProvider[] = [
  { id: 'okta', pattern: /\bokta\b/i, name: 'Okta' },
  { id: 'auth0', pattern: /\bauth0\b/i, name: 'Auth0' },
  { id: 'keycloak', pattern: /\bkeycloak\b|\bred hat (?:sso|build of keycloak)\b/i, name: 'Keycloak' },
  {
    id: 'entra',
    pattern: /\bentra(?:\s+id)?\b|\bazure\s+(?:ad|active directory)\b|\baad\b/i,
    name: 'Microsoft Entra ID',
  },
  { id: 'cognito', pattern: /\bcognito\b/i, name: 'Amazon Cognito' },
  {
    id: 'firebase',
    pattern: /\bfirebase auth(?:entication)?\b|\bgoogle identity platform\b/i,
    name: 'Google Identity Platform',
  },
  {
    id: 'google',
    pattern: /\bgoogle\s+(?:workspace|sign-?in|login|sso|accounts?|oauth|identity)\b|\bsign in with google\b/i,
    name: 'Google',
  },
  { id: 'onelogin', pattern: /\bonelogin\b/i, name: 'OneLogin' },
  { id: 'ping', pattern: /\bping\s?(?:identity|federate|one)\b/i, name: 'Ping Identity' },
];

/** The sign-in protocols a context may name; unnamed, a provider is used with OpenID Connect. */
export const SIGN_IN_PROTOCOLS: readonly (IdentityProvider & { id: 'saml' | 'oidc' })[] = [
  { id: 'saml', pattern: /\bsaml(?:\s*2(?:\.0)?)?\b/i, name: 'SAML 2.0' },
  { id: 'oidc', pattern: /\boidc\b|\bopenid connect\b/i, name: 'OpenID Connect' },
];
