// Staging environments: drivers (Ansible, Terraform/OpenTofu, Helm, commands), the health wait, GitHub deployments.
export * from './deployment.ts';
export * from './driver.ts';
export * from './drivers/ansible.ts';
export * from './drivers/command.ts';
export * from './drivers/helm.ts';
export * from './drivers/terraform.ts';
export * from './health.ts';
export * from './output-file.ts';
export * from './provision.ts';
export * from './registry.ts';
export * from './settings.ts';
