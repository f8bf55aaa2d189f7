FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts schema.graphql ./
# npm ci's postinstall builds the reader, so its sources come first.
COPY client ./client
RUN npm ci --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0 PORT=4000 NODE_ENV=production
EXPOSE 4000
CMD ["npm", "start"]
