{{/* The name of every object of the release: the plugin's name. */}}
{{- define "pipcache-plugin.name" -}}
{{- .Values.plugin.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "pipcache-plugin.certificateSecret" -}}
{{- default (printf "%s-cert" (include "pipcache-plugin.name" .)) .Values.plugin.certificateSecretName -}}
{{- end -}}

{{- define "pipcache-plugin.labels" -}}
app.kubernetes.io/name: {{ include "pipcache-plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: {{ include "pipcache-plugin.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "pipcache-plugin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pipcache-plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Hook annotations of the console patcher's RBAC: the events of both jobs, before them. */}}
{{- define "pipcache-plugin.patcherHook" -}}
helm.sh/hook: post-install,post-upgrade,pre-delete
helm.sh/hook-weight: "-10"
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded,hook-failed
{{- end -}}

{{/* Labels of the job pods: their own name, so no selector of the plugin's Deployment or Service matches them. */}}
{{- define "pipcache-plugin.jobLabels" -}}
app.kubernetes.io/name: {{ include "pipcache-plugin.name" . }}-console-patcher
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: console-patcher
app.kubernetes.io/part-of: {{ include "pipcache-plugin.name" . }}
{{- end -}}

{{/* An image named by digest; a tag would let whoever may push to it change what runs. */}}
{{- define "pipcache-plugin.digestImage" -}}
{{- $value := required (printf "%s is required: an image by digest (name@sha256:…)" .key) .image -}}
{{- if not (regexMatch "^[^@[:space:]]+@sha256:[a-f0-9]{64}$" $value) -}}
{{- fail (printf "%s must name an image by digest (name@sha256:…), not %q" .key $value) -}}
{{- end -}}
{{- $value -}}
{{- end -}}

{{/* Security context that passes OpenShift restricted-v2 and Pod Security "restricted". */}}
{{- define "pipcache-plugin.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}
