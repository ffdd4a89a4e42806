variable "environment" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  description = "Where the tasks run; they need a route to the AWS APIs and to Temporal (NAT or endpoints)."
  type        = list(string)
}

variable "public_subnet_ids" {
  description = "Where the api's load balancer listens."
  type        = list(string)
}

variable "allowed_cidrs" {
  description = "Who may call the api through the load balancer."
  type        = list(string)
}

variable "internal_load_balancer" {
  type    = bool
  default = false
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer; null serves plain HTTP (dev only)."
  type        = string
  default     = null
}

variable "health_check_path" {
  type    = string
  default = "/actuator/health/readiness"
}

variable "image_tag" {
  description = "Tag pushed to the api and workers ECR repositories."
  type        = string
}

variable "images" {
  description = "Full image references that replace the ECR repositories' (e.g. an image from another registry)."
  type = object({
    api     = optional(string)
    workers = optional(string)
  })
  default = {}
}

variable "sizing" {
  description = "Fargate CPU units, memory (MiB) and task counts per service."
  type = object({
    api     = object({ cpu = number, memory = number, min = number, max = number })
    workers = object({ cpu = number, memory = number, min = number, max = number })
  })
}

variable "scaling_triggers" {
  type = object({
    cpu_percent    = number
    memory_percent = number
    idle_percent   = number
  })
  default = { cpu_percent = 70, memory_percent = 80, idle_percent = 30 }
}

variable "temporal" {
  description = "How the services reach Temporal; the mTLS secret holds JSON {\"cert\": PEM chain, \"key\": PKCS8 PEM}."
  type = object({
    target                  = string
    namespace               = string
    mtls_secret_arn         = optional(string)
    mtls_secret_kms_key_arn = optional(string)
  })
}

variable "table_names" {
  type = map(string)
}

variable "table_arns" {
  type = map(string)
}

variable "topic_arn" {
  type = string
}

variable "dead_letter_queue_arns" {
  type = list(string)
}

variable "archive_bucket" {
  type = string
}

variable "archive_bucket_arn" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "metrics_namespace" {
  description = "CloudWatch namespace the services publish their meters to (and the only one their roles may write)."
  type        = string
  default     = "Orderflow"
}

variable "log_retention_days" {
  type = number
}

variable "tags" {
  type    = map(string)
  default = {}
}
