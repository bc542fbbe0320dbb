# Loaded by Python at start-up when this folder is on PYTHONPATH (the bootstrap tests start
# moto_server so). moto 5.2 authorises SSM calls against the resource "*" only, so a policy that
# grants ssm:GetParameter on one parameter's ARN (as hopper's node role policy does) would deny
# everything. This gives moto's SSM handler the resource AWS itself evaluates: the ARN of the
# parameter named in the request. moto's own policy evaluation does the rest.
try:
    from moto.ssm.responses import SimpleSystemManagerResponse

    def _determine_resource(self):
        name = self._get_param("Name") or ""
        if not name.startswith("/"):
            name = "/" + name
        return f"arn:aws:ssm:{self.region}:{self.current_account}:parameter{name}"

    SimpleSystemManagerResponse._determine_resource = _determine_resource
except ImportError:  # not moto's Python: nothing to do
    pass
