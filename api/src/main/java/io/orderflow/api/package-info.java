/** The orderflow web application: REST API, problem responses, OpenAPI; co-hosts the workers. */
package io.orderflow.api;
