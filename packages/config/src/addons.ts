/** Options of one EKS add-on. */
export interface AddonOptions {
  /**
   * Install the add-on. The networking add-ons (`vpcCni`, `kubeProxy`, `coreDns`,
   * `podIdentityAgent`) cannot be turned off: the cluster needs them.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The add-on version, e.g. `v1.20.4-eksbuild.1`.
   * @default - the verified version the product's add-on table lists for the cluster's Kubernetes
   * version; when it lists none, no version: EKS installs its default version at creation
   */
  readonly version?: string;
  /**
   * Configuration values of the add-on, as the JSON object its configuration schema
   * describes (`aws eks describe-addon-configuration`).
   * @default - none (the EBS CSI driver gets a default gp3 StorageClass)
   */
  readonly configurationValues?: { [key: string]: any };
}

/** The EKS add-ons of the cluster, each on by default. */
export interface AddonsOptions {
  /** Amazon VPC CNI (`vpc-cni`): pod networking. */
  readonly vpcCni?: AddonOptions;
  /** `kube-proxy`: Service networking on each node. */
  readonly kubeProxy?: AddonOptions;
  /** CoreDNS (`coredns`): cluster DNS. */
  readonly coreDns?: AddonOptions;
  /** EKS Pod Identity Agent (`eks-pod-identity-agent`): IAM roles for pods. */
  readonly podIdentityAgent?: AddonOptions;
  /**
   * Amazon EBS CSI driver (`aws-ebs-csi-driver`), with its IAM role through EKS Pod Identity
   * and a default gp3 StorageClass, so a PersistentVolumeClaim binds on a fresh cluster.
   */
  readonly ebsCsiDriver?: AddonOptions;
  /** Kubernetes metrics server (`metrics-server`): `kubectl top` and HorizontalPodAutoscalers. */
  readonly metricsServer?: AddonOptions;
  /**
   * EKS node monitoring agent (`eks-node-monitoring-agent`): node health conditions that node
   * auto repair acts on.
   */
  readonly nodeMonitoringAgent?: AddonOptions;
}
