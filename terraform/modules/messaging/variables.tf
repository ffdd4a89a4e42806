variable "name_prefix" {
  type    = string
  default = ""
}

variable "kms_key_arn" {
  type = string
}

variable "subscriber_queues" {
  description = "One FIFO queue per consuming system, keyed by queue name (without .fifo)."
  type = map(object({
    filter_policy              = optional(string)
    max_receive_count          = optional(number, 5)
    visibility_timeout_seconds = optional(number, 60)
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}
