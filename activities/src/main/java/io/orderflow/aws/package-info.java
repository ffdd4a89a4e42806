/** Building the AWS SDK clients, pointed at AWS or at the local emulators. */
package io.orderflow.aws;
