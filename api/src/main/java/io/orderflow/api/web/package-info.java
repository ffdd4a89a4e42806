/** Cross-cutting web concerns: request size limits and the like. */
package io.orderflow.api.web;
