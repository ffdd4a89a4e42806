# Validated at the environment roots, which are the interface a deployer uses.
variable "environment" {
  type = string
}

variable "name_prefix" {
  description = "Prefix of table, topic and queue names (\"\" keeps the names operators know)."
  type        = string
}

variable "size" {
  type = string
}

variable "billing_mode" {
  type = string
}

variable "scheduled_scaling" {
  type = list(object({
    name         = string
    schedule     = string
    timezone     = optional(string, "UTC")
    min_capacity = number
    max_capacity = number
  }))
  default = []
}

variable "deletion_protection" {
  type = bool
}

variable "dr_region" {
  type    = string
  default = null
}

variable "backup_retention_days" {
  type = object({ daily = number, weekly = number, monthly = number })
}

variable "archive_lifecycle_days" {
  type = object({ instant_retrieval = number, deep_archive = number, noncurrent_expiry = number })
}

variable "archive_lambda_package" {
  type = string
}

variable "log_retention_days" {
  type = number
}

variable "subscriber_queues" {
  type = map(object({
    filter_policy              = optional(string)
    max_receive_count          = optional(number, 5)
    visibility_timeout_seconds = optional(number, 60)
  }))
}

variable "network" {
  type = object({
    vpc_id                 = string
    private_subnet_ids     = list(string)
    public_subnet_ids      = list(string)
    allowed_cidrs          = list(string)
    internal_load_balancer = optional(bool, false)
  })
}

variable "certificate_arn" {
  type    = string
  default = null
}

variable "image_tag" {
  type = string
}

variable "images" {
  type    = object({ api = optional(string), workers = optional(string) })
  default = {}
}

variable "temporal" {
  type = object({
    target                  = string
    namespace               = string
    mtls_secret_arn         = optional(string)
    mtls_secret_kms_key_arn = optional(string)
  })
}

variable "alert_emails" {
  type    = list(string)
  default = []
}

variable "metrics" {
  type    = any
  default = {}
}

variable "metric_dimensions" {
  type    = map(string)
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
