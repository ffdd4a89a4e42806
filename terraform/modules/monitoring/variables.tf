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
  description = <<-EOT
    Where the application's meters land in CloudWatch: the namespace it publishes to (Micrometer's
    CloudWatch registry, management.cloudwatch.metrics.export.namespace, set on the ECS tasks by
    modules/compute) and the values of the `processor` tag of orderflow.events.processing.failures.
    Metric names are fixed by the application; see docs/deployment.md section 7.
  EOT
  type = object({
    namespace  = optional(string, "Orderflow")
    processors = optional(list(string), ["order-summary"])
  })
  default = {}
}

variable "metric_dimensions" {
  description = "Common tags the application adds to every meter (management.metrics.tags.*), which CloudWatch sees as dimensions. None by default."
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
