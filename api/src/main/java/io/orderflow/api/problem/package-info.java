/**
 * RFC 9457 problem responses: every error the API gives has a stable type, a title, a status, a
 * detail and, for bad input, the fields at fault. docs/api/problems.md lists the types.
 */
package io.orderflow.api.problem;
