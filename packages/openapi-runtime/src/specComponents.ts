/*
 * Parts that most Strata specs declare word for word. The generator writes a
 * reference to these constants into a router's `spec` where the spec's part is
 * equal to one (compared deeply), instead of printing the same forty lines in
 * every router; a spec that declares its own variant keeps it inline. The
 * values are the OpenAPI text as parsed, so the spec the router validates
 * against and serves is unchanged.
 */

/** `components.schemas.Error`: Backstage's error body (`{ error: { name, message }, request?, response? }`). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        name: {
          type: 'string',
        },
        message: {
          type: 'string',
        },
      },
      required: ['name', 'message'],
      additionalProperties: true,
    },
    request: {
      type: 'object',
      additionalProperties: true,
    },
    response: {
      type: 'object',
      additionalProperties: true,
    },
  },
  required: ['error'],
  additionalProperties: true,
} as const;

/** `components.responses.ErrorResponse`: any error answer, with the `Error` schema. */
export const errorResponse = {
  description: 'An error response from the backend.',
  content: {
    'application/json': {
      schema: {
        $ref: '#/components/schemas/Error',
      },
    },
  },
} as const;

/** `components.securitySchemes.JWT`: a Backstage token as `Authorization: Bearer`. */
export const jwtSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
} as const;

/**
 * Where in a spec each shared part may stand, by the name the generated code
 * imports it under.
 */
export const sharedSpecComponents = {
  errorSchema: { at: ['components', 'schemas', 'Error'], value: errorSchema },
  errorResponse: {
    at: ['components', 'responses', 'ErrorResponse'],
    value: errorResponse,
  },
  jwtSecurityScheme: {
    at: ['components', 'securitySchemes', 'JWT'],
    value: jwtSecurityScheme,
  },
} as const;
