variable "environment" {
  description = "Name used in every resource name and tag."
  type        = string
  default     = "dev"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.environment)) && !startswith(var.environment, "prod")
    error_message = "environment must be 2-15 lowercase letters, digits or dashes, starting with a letter; prod environments use environments/prod."
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "dr_region" {
  description = "Second region for table replicas, backup copies and archive replication; null for none."
  type        = string
  default     = null
  validation {
    condition     = var.dr_region == null || (can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", coalesce(var.dr_region, "x"))) && var.dr_region != var.region)
    error_message = "dr_region must be an AWS region name different from region, or null."
  }
}

variable "name_prefix" {
  description = "Prefix of table, topic and queue names; null means \"<environment>-\"."
  type        = string
  default     = null
  validation {
    condition     = var.name_prefix == null || can(regex("^[a-z0-9-]*$", coalesce(var.name_prefix, "x")))
    error_message = "name_prefix may hold lowercase letters, digits and dashes only."
  }
}

variable "size" {
  description = "small, medium or large: task sizes and counts, DynamoDB capacity (modules/orderflow/sizing.tf)."
  type        = string
  default     = "small"
  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "size must be small, medium or large."
  }
}

variable "billing_mode" {
  type    = string
  default = "PAY_PER_REQUEST"
  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.billing_mode)
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "scheduled_scaling" {
  description = "PROVISIONED only: capacity ranges applied on a schedule (cron or at() in UTC unless timezone)."
  type = list(object({
    name         = string
    schedule     = string
    timezone     = optional(string, "UTC")
    min_capacity = number
    max_capacity = number
  }))
  default = []
  validation {
    condition     = alltrue([for s in var.scheduled_scaling : s.min_capacity >= 1 && s.max_capacity >= s.min_capacity])
    error_message = "each scheduled_scaling entry needs 1 <= min_capacity <= max_capacity."
  }
}

variable "backup_retention_days" {
  description = "How long AWS Backup keeps daily, weekly and monthly recovery points."
  type        = object({ daily = number, weekly = number, monthly = number })
  default     = { daily = 30, weekly = 90, monthly = 365 }
  validation {
    condition = (
      var.backup_retention_days.daily >= 1 &&
      var.backup_retention_days.weekly >= var.backup_retention_days.daily &&
      var.backup_retention_days.monthly >= var.backup_retention_days.weekly &&
      var.backup_retention_days.monthly <= 36500
    )
    error_message = "backup retention must satisfy 1 <= daily <= weekly <= monthly <= 36500 days."
  }
}

variable "archive_lifecycle_days" {
  description = "Age at which archive objects move to Glacier Instant Retrieval and to Deep Archive; old versions' expiry."
  type        = object({ instant_retrieval = number, deep_archive = number, noncurrent_expiry = number })
  default     = { instant_retrieval = 30, deep_archive = 180, noncurrent_expiry = 90 }
  validation {
    condition = (
      var.archive_lifecycle_days.instant_retrieval >= 1 &&
      var.archive_lifecycle_days.deep_archive >= var.archive_lifecycle_days.instant_retrieval + 90 &&
      var.archive_lifecycle_days.noncurrent_expiry >= 1
    )
    error_message = "archive lifecycle: instant_retrieval >= 1, deep_archive at least 90 days later (Glacier minimum), noncurrent_expiry >= 1."
  }
}

variable "archive_lambda_package" {
  description = "Path of the archive Lambda jar; null means archive-lambda/target/archive-lambda.jar of this repo."
  type        = string
  default     = null
}

variable "log_retention_days" {
  type    = number
  default = 30
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "subscriber_queues" {
  description = "One SQS FIFO queue (with DLQ) per system consuming order events."
  type = map(object({
    filter_policy              = optional(string)
    max_receive_count          = optional(number, 5)
    visibility_timeout_seconds = optional(number, 60)
  }))
  default = { order-events-consumer = {} }
  validation {
    condition     = alltrue([for k, q in var.subscriber_queues : can(regex("^[A-Za-z0-9_-]{1,60}$", k)) && q.max_receive_count >= 1])
    error_message = "queue keys: letters, digits, - and _ (at most 60); max_receive_count >= 1."
  }
}

variable "network" {
  description = "Existing VPC: private subnets (with NAT or VPC endpoints) for tasks, public ones for the load balancer."
  type = object({
    vpc_id                 = string
    private_subnet_ids     = list(string)
    public_subnet_ids      = list(string)
    allowed_cidrs          = list(string)
    internal_load_balancer = optional(bool, false)
  })
  validation {
    condition     = startswith(var.network.vpc_id, "vpc-") && length(var.network.private_subnet_ids) >= 1 && length(var.network.public_subnet_ids) >= 2
    error_message = "network needs a vpc-… id, at least one private subnet and two public subnets (an ALB spans two zones)."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS; null serves HTTP."
  type        = string
  default     = null
}

variable "image_tag" {
  description = "Tag of the api and workers images in the ECR repositories this creates."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,128}$", var.image_tag))
    error_message = "image_tag must be a valid image tag."
  }
}

variable "temporal" {
  description = "Temporal frontend host:port, namespace, and for Temporal Cloud or mTLS the Secrets Manager secret holding {\"cert\", \"key\"}."
  type = object({
    target                  = string
    namespace               = string
    mtls_secret_arn         = optional(string)
    mtls_secret_kms_key_arn = optional(string)
  })
  validation {
    condition     = can(regex("^[A-Za-z0-9.-]+:[0-9]{2,5}$", var.temporal.target)) && length(var.temporal.namespace) > 0
    error_message = "temporal.target must be host:port and temporal.namespace non-empty."
  }
  validation {
    condition     = var.temporal.mtls_secret_arn == null || startswith(coalesce(var.temporal.mtls_secret_arn, "x"), "arn:")
    error_message = "temporal.mtls_secret_arn must be a Secrets Manager ARN."
  }
}

variable "alert_emails" {
  type    = list(string)
  default = []
  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@ ]+@[^@ ]+$", e))])
    error_message = "alert_emails must be e-mail addresses."
  }
}

variable "metrics" {
  description = "Override of the CloudWatch namespace the services publish their meters to and the alarms read: { namespace = \"...\" } (modules/monitoring)."
  type        = map(string)
  default     = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
