/** The worker process: hosts orderflow's workflows and activities on their task queues. */
package io.orderflow.workers;
