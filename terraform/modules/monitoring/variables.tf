variable "environment" {
  type = string
}

variable "account_id" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "alert_emails" {
  description = "Addresses subscribed to the alert topic (each must confirm by mail)."
  type        = list(string)
  default     = []
}

variable "metrics" {
  description = "Where the application's meters land in CloudWatch (see docs/deployment.md, Metrics)."
  type = object({
    namespace              = optional(string, "Orderflow")
    orders_created         = optional(string, "orderflow.orders.created")
    order_transitions      = optional(string, "orderflow.order.transitions")
    order_creation_latency = optional(string, "orderflow.order.creation.latency")
    order_load_latency     = optional(string, "orderflow.order.load.latency")
    event_write_latency    = optional(string, "orderflow.events.write.latency")
    event_read_latency     = optional(string, "orderflow.events.read.latency")
    events_written         = optional(string, "orderflow.events.written")
    publication_latency    = optional(string, "orderflow.events.publication.latency")
    persistence_failures   = optional(string, "orderflow.events.persistence.failures")
    processing_failures    = optional(string, "orderflow.events.processing.failures")
    failed_operations      = optional(string, "orderflow.order.operations.failed")
    snapshot_hit_ratio     = optional(string, "orderflow.snapshot.hit.ratio")
  })
  default = {}
}

variable "metric_dimensions" {
  description = "Dimensions the application attaches to its CloudWatch meters."
  type        = map(string)
  default     = {}
}

variable "table_names" {
  type = map(string)
}

variable "provisioned_capacity" {
  type = bool
}

variable "dead_letter_queue_names" {
  type = map(string)
}

variable "topic_name" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_names" {
  type = map(string)
}

variable "tags" {
  type    = map(string)
  default = {}
}
