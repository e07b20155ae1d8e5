# Builds the plugin with Node.js and serves dist/ with an unprivileged nginx.
# The chart mounts its own nginx.conf (TLS on 9443 with the service CA's certificate).

# Base images by digest: a tag moves under the build. Change them with --build-arg. These are
# the digests openshift-pipelines/console-plugin pins in .konflux/dockerfiles/console-plugin.Dockerfile.
ARG NODEJS_IMAGE=registry.access.redhat.com/ubi9/nodejs-20@sha256:938970e0012ddc784adda181ede5bc00a4dfda5e259ee4a57f67973720a565d1
ARG NGINX_IMAGE=registry.access.redhat.com/ubi9/nginx-124@sha256:aa73fdb10af2bf24611ba714a412c2e65cec88a00eee628a0f2a75e564ec18f2

FROM ${NODEJS_IMAGE} AS build
USER 0
WORKDIR /opt/app-root/build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# ubi9/nginx-124 runs as the non-root user 1001 and works with OpenShift's arbitrary UIDs.
FROM ${NGINX_IMAGE}
COPY --from=build --chown=1001:0 /opt/app-root/build/dist /opt/app-root/src
USER 1001
EXPOSE 9443
CMD ["nginx", "-g", "daemon off;"]
