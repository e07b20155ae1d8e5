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
